"""The Registries app: credentials of private third-party image registries."""

"""Forms for adding and editing registry entries.

The Server and Organization rules live on the model (``registries.validators``); these
forms add what only a page needs: the write-only password, locked fields on edit, and
the layout.
"""

from crispy_forms.bootstrap import FieldWithButtons, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms

from registries.images import ImageReference, InvalidImageReference, parse_image
from registries.models import Registry

PASSWORD_MAX_LENGTH = 10_000  # registry tokens (GCR JSON keys, JWTs) run to a few KB


class RegistryForm(forms.ModelForm):
    """Edit form (and the Django admin's form): Server and Organization are locked once
    the entry exists; a blank password keeps the stored one."""

    password = forms.CharField(
        label="Password",
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(
            render_value=False,
            attrs={"autocomplete": "new-password", "data-password-toggle": ""},
        ),
    )

    class Meta:
        model = Registry
        fields = ["server", "organization", "username"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("server", "organization", "username"):
            if name in self.fields:
                self.fields[name].strip = False  # values keep their exact characters
        self.adding = self.instance._state.adding
        if not self.adding:
            for name in ("server", "organization"):
                if name in self.fields:
                    self.fields[name].disabled = True  # posted values are ignored
                    self.fields[name].help_text = (
                        "Cannot be changed. To move to another "
                        f"{name}, add a new entry and delete this one."
                    )
            password = self.fields["password"]
            if self.instance.password_readable:
                password.required = False
                password.help_text = (
                    "A password is stored. Leave this blank to keep it, or type a new one."
                )
            else:
                password.help_text = (
                    "The stored password cannot be read with the configured keys "
                    "(UIP_FERNET_KEYS). Type the password again."
                )
        else:
            self.fields["password"].help_text = "Stored encrypted; it is never shown again."
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "server",
            "organization",
            "username",
            FieldWithButtons(
                "password",
                StrictButton(
                    "Show",
                    css_class="btn-outline-secondary",
                    data_password_toggle_for="id_password",  # noqa: S106 (an element id)
                    aria_label="Show password",
                ),
            ),
        )

    @property
    def changed_data(self) -> list[str]:
        changed = super().changed_data
        password = self.cleaned_data.get("password") if hasattr(self, "cleaned_data") else ""
        if "password" in changed and not self.adding and password == self.instance.password:
            changed = [name for name in changed if name != "password"]
        return changed

    def save(self, commit: bool = True) -> Registry:
        if self.cleaned_data.get("password"):
            self.instance.password = self.cleaned_data["password"]
        return super().save(commit)


class RegistryAddForm(RegistryForm):
    """The Add page's form: an existing Server + Organization is not an error here —
    the view modifies that entry instead (``Registry.objects.upsert``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.merges_duplicate = True


class ImageCheckForm(forms.Form):
    image = forms.CharField(
        label="Image",
        max_length=1000,
        widget=forms.TextInput(
            attrs={
                "placeholder": "docker.io/exampleorg/privaterepo:imagetag123",
                "autofocus": True,
                "spellcheck": "false",
                "class": "text-mono",
            }
        ),
        help_text="The image reference of an adapter, as in its configuration or docker pull.",
    )

    def clean_image(self) -> ImageReference:
        try:
            return parse_image(self.cleaned_data["image"])
        except InvalidImageReference as error:
            raise forms.ValidationError(str(error), code="invalid") from None

"""Static files: Bootstrap comes from the installed package, and the production storage
(whitenoise's compressed manifest) can collect every file the templates reference."""

from django.contrib.staticfiles import finders
from django.core.management import call_command


def test_bootstrap_is_served_from_the_package_not_the_repo():
    found = finders.find("bootstrap/css/bootstrap.min.css")
    assert found and "site-packages" in found


def test_collectstatic_with_manifest_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.glob("bootstrap/css/bootstrap.min.*.css"))

"""Pages of the Registries app: list, add, edit, delete.

Thin generic views sharing ``RegistryMixin``; the rules live on the model, the audit
trail in ``registries.audit``.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.generic import CreateView, DeleteView, ListView, TemplateView, UpdateView
from django.views.generic.detail import SingleObjectMixin

from registries import audit
from registries.forms import ImageCheckForm, RegistryAddForm, RegistryForm
from registries.images import InvalidImageReference, parse_image, resolve
from registries.models import Registry
from registries.registry_client import check_credentials, check_entry, check_image_pull
from uip_admin.access import StaffRequiredMixin
from uip_admin.views import BreadcrumbsMixin

LIST_CRUMBS = (("About", "about"), ("Registries", "registry-list"))
ROW_ACTIONS = ("edit", "delete", "test")
PK_PLACEHOLDER = 918273645


class RegistryMixin(StaffRequiredMixin, BreadcrumbsMixin):
    model = Registry
    http_method_names = ["get", "post", "head", "options"]
    success_url = reverse_lazy("registry-list")

    def get_queryset(self):
        # Pages show the password never: deferring it means no decryption unless a form
        # compares a newly typed password with the stored one.
        return Registry.objects.defer("password").select_related("updated_by")


class RegistryListView(RegistryMixin, ListView):
    permission_required = "registries.view_registry"
    paginate_by = 50
    crumbs = LIST_CRUMBS

    def get_queryset(self):
        queryset = super().get_queryset()
        # NUL cannot be stored or searched in PostgreSQL text; no entry holds one anyway.
        self.query = self.request.GET.get("q", "").replace("\x00", "").strip()
        if self.query:
            queryset = queryset.filter(
                Q(server__icontains=self.query)
                | Q(organization__icontains=self.query)
                | Q(username__icontains=self.query)
            )
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        # Reverse each row action once per page, not once per row (a third of the
        # rendering time of a 50-row page went to reverse()).
        patterns = {
            name: reverse(f"registry-{name}", args=[PK_PLACEHOLDER]) for name in ROW_ACTIONS
        }
        for registry in context["object_list"]:
            registry.action_urls = {
                name: url.replace(str(PK_PLACEHOLDER), str(registry.pk))
                for name, url in patterns.items()
            }
        if self.request.user.has_perm("registries.view_auditlogentry"):
            content_type = ContentType.objects.get_for_model(Registry)
            context["audit_log_url"] = (
                reverse("admin:registries_auditlogentry_changelist")
                + f"?content_type__id__exact={content_type.pk}"
            )
        return context


class TestBeforeSavingMixin:
    """The form's **Test before saving** button posts ``action=test``: the typed values
    are validated and tested against the registry, and nothing is saved. Answered in
    JSON for the page's script, else by re-rendering the form with the result."""

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") != "test":
            return super().post(request, *args, **kwargs)
        self.object = self.get_object() if "pk" in kwargs else None
        form = self.get_form()
        wants_json = "application/json" in request.headers.get("Accept", "")
        if not form.is_valid():
            if wants_json:
                return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
            return self.form_invalid(form)
        result = self.test_typed_values(form.cleaned_data)
        if wants_json:
            return JsonResponse(
                {**result.as_dict(), "label": result.outcome.label, "css": result.outcome.css}
            )
        return self.render_to_response(self.get_context_data(form=form, test_result=result))

    @method_decorator(sensitive_variables("data", "password"))
    def test_typed_values(self, data: dict):
        password = data["password"] or (self.object.password if self.object else "")
        server = self.object.server if self.object else data["server"]
        return check_credentials(server, data["username"], password)


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class RegistryAddView(RegistryMixin, TestBeforeSavingMixin, CreateView):
    permission_required = "registries.add_registry"
    form_class = RegistryAddForm
    crumbs = (*LIST_CRUMBS, ("Add registry", None))

    def get_initial(self):
        """Pre-fill from ``?server=&organization=`` or from an ``?image=`` reference."""
        initial = {
            name: self.request.GET[name]
            for name in ("server", "organization")
            if name in self.request.GET
        }
        if self.request.GET.get("image"):
            try:
                image = parse_image(self.request.GET["image"])
            except InvalidImageReference as error:
                messages.warning(self.request, str(error))
            else:
                initial = {"server": image.registry, "organization": image.organization}
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            entry, created, changed = self.upsert(data)
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
            return self.render_to_response(self.get_context_data(form=form), status=403)
        self.report(entry, created, changed)
        return HttpResponseRedirect(self.success_url)

    @method_decorator(sensitive_variables("data"))
    @transaction.atomic
    def upsert(self, data: dict) -> tuple[Registry, bool, list[str]]:
        entry, created, changed = Registry.objects.upsert(
            server=data["server"],
            organization=data["organization"],
            username=data["username"],
            password=data["password"],
            updated_by=self.request.user,
            may_update=self.request.user.has_perm("registries.change_registry"),
        )
        if created:
            audit.record(self.request.user, entry, audit.ADDITION, [{"added": {}}])
        elif changed:
            audit.record(
                self.request.user, entry, audit.CHANGE, audit.changed_fields_message(changed)
            )
        return entry, created, changed

    def report(self, entry: Registry, created: bool, changed: list[str]) -> None:
        if created:
            messages.success(self.request, f"Added registry {entry}.")
        elif changed:
            messages.success(
                self.request,
                f"An entry for {entry} existed already: its "
                f"{' and '.join(f.lower() for f in changed)} "
                f"{'was' if len(changed) == 1 else 'were'} updated. No second entry was made.",
            )
        else:
            messages.info(
                self.request,
                f"An entry for {entry} existed already with these credentials: nothing changed.",
            )


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class RegistryEditView(RegistryMixin, TestBeforeSavingMixin, UpdateView):
    permission_required = "registries.change_registry"
    form_class = RegistryForm
    crumbs = (*LIST_CRUMBS, ("Edit registry", None))

    def form_valid(self, form):
        changed = form.changed_data
        if not changed:
            messages.info(self.request, f"No changes to {self.object}.")
            return HttpResponseRedirect(self.success_url)
        labels = [form.fields[name].label for name in changed]
        form.instance.updated_by = self.request.user
        with transaction.atomic():
            entry = form.save()
            audit.record(
                self.request.user, entry, audit.CHANGE, audit.changed_fields_message(labels)
            )
        messages.success(self.request, f"Saved {entry}: changed {' and '.join(labels).lower()}.")
        return HttpResponseRedirect(self.success_url)


class RegistryDeleteView(RegistryMixin, DeleteView):
    permission_required = "registries.delete_registry"
    crumbs = (*LIST_CRUMBS, ("Delete registry", None))

    def form_valid(self, form):
        entry = self.object
        with transaction.atomic():
            audit.record(self.request.user, entry, audit.DELETION)  # before the row goes
            entry.delete()
        messages.success(self.request, f"Deleted registry {entry}.")
        return HttpResponseRedirect(self.success_url)


class RegistryCheckView(RegistryMixin, TemplateView):
    """Check an image: which entry's credentials would pull it, or what to add (GET);
    **Check pull access** (POST) asks the registry whether the pull would succeed."""

    permission_required = "registries.view_registry"
    template_name = "registries/registry_check.html"
    crumbs = (*LIST_CRUMBS, ("Check an image", None))

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        data = self.request.POST if self.request.method == "POST" else self.request.GET
        form = ImageCheckForm(data or None)
        context = super().get_context_data(form=form, **kwargs)
        if form.is_valid():
            image = form.cleaned_data["image"]
            context.update(image=image, entry=resolve(image))
            if self.request.method == "POST":
                context["pull_result"] = check_image_pull(image)
            context["add_url"] = (
                reverse("registry-add")
                + "?"
                + urlencode({"server": image.registry, "organization": image.organization})
            )
        return context


class RegistryTestView(RegistryMixin, SingleObjectMixin, View):
    """**Test connection** (POST): test the stored credentials, remember the outcome,
    and go back to the page the button was on."""

    permission_required = "registries.change_registry"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        entry = self.get_object(Registry.objects.all())
        result = check_entry(entry)
        level = messages.SUCCESS if result.ok else messages.ERROR
        messages.add_message(
            request, level, f"Test of {entry}: {result.outcome.label}. {result.message}"
        )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = self.success_url
        return HttpResponseRedirect(next_url)

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casestudies.interchange import CANONICAL_SLUGS, MAX_FILE_BYTES
from casestudies.models import CaseStudyIndexPage

from .forms import ImportUploadForm
from .importing import check_upload, confirm, resume
from .models import ImportJob

IMPORT_PERMISSION = "editorial.add_importjob"


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": reverse("editorial:import"), "label": "Import case studies"}]


class ImportUploadView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    form_class = ImportUploadForm
    template_name = "editorial/import_upload.html"
    page_title = "Import case studies"
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ImportJob.objects.filter(user=self.request.user).mark_interrupted()
        context["recent_jobs"] = ImportJob.objects.filter(user=self.request.user).defer("content")[:10]
        context["has_index"] = CaseStudyIndexPage.get_solo() is not None
        return context

    def form_valid(self, form):
        if CaseStudyIndexPage.get_solo() is None:
            form.add_error(
                None, "There is no case-study index page to import into yet: ask an administrator to create it."
            )
            return self.form_invalid(form)
        job = check_upload(form.cleaned_data["file"], form.records, self.request.user)
        return redirect("editorial:import_job", job.pk)


class ImportFormatView(ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The file format, for editors in the admin (the full specification is docs/interchange.md)."""

    template_name = "editorial/import_format.html"
    page_title = "How to write a case-study file"
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["slugs"] = [(facet.replace("_", " "), slugs) for facet, slugs in CANONICAL_SLUGS.items()]
        context["max_megabytes"] = MAX_FILE_BYTES // (1024 * 1024)
        return context


class ImportJobView(ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/import_job.html"
    page_title = "Import case studies"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.job = get_object_or_404(ImportJob.objects.defer("content"), pk=kwargs["pk"])
        if self.job.user_id != request.user.pk and not request.user.is_superuser:
            raise PermissionDenied
        if self.job.status == ImportJob.Status.RUNNING and self.job.worker_is_gone():
            self.job.mark_interrupted()
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.job.filename

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.job
        context.update(
            job=job,
            rows=job.dry_run_report if job.status == ImportJob.Status.CHECKED else job.report,
            counts=job.dry_run_counts if job.status == ImportJob.Status.CHECKED else job.report_counts,
        )
        return context

    def post(self, request, *args, **kwargs):
        if "resume" in request.POST and self.job.status == ImportJob.Status.INTERRUPTED:
            if resume(self.job):
                messages.success(request, f"Importing the rest of {self.job.filename}.")
            return redirect("editorial:import_job", self.job.pk)
        if self.job.status != ImportJob.Status.CHECKED:
            messages.warning(request, "This import has already been started.")
        elif "cancel" in request.POST:
            self.job.delete()
            messages.success(request, f"Import of {self.job.filename} cancelled: nothing was imported.")
            return redirect("editorial:import")
        elif confirm(self.job):
            messages.success(
                request,
                f"Importing {self.job.filename}: the case studies are saved as drafts and submitted for review.",
            )
        return redirect("editorial:import_job", self.job.pk)

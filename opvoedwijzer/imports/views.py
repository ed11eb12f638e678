"""The import screen for coordinators: upload → preview (and mapping) → confirm → report, with a
progress page while the task runner checks or writes a large file."""

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from opvoedwijzer.core.decorators import is_htmx, member_may

from . import services
from .checking import FIELD_LABELS
from .forms import ConfirmForm, UploadForm
from .models import ImportBatch, ImportStatus
from .reading import FileProblem


def _batch(request, pk):
    return get_object_or_404(
        ImportBatch.objects.for_org(request.organisation).defer("content").select_related("organisation"),
        pk=pk,
    )


@member_may("is_coordinator")
def start(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.start_import(request.membership, upload.name, upload.read())
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("imports:batch", org=request.organisation.slug, pk=batch.pk)
    batches = ImportBatch.objects.for_org(request.organisation).defer("content", "preview")[:20]
    return render(request, "imports/start.html", {"form": form, "batches": batches})


@never_cache
@member_may("is_coordinator")
def batch(request, pk):
    """The import's page: progress while the task runner works (htmx polls the fragment, without
    JavaScript the page refreshes itself), the preview with the mapping step, or the report."""
    item = _batch(request, pk)
    if is_htmx(request):
        response = render(request, "imports/progress.html", {"batch": item})
        if not item.busy:
            response["HX-Refresh"] = "true"  # checked or written: the whole page changes
        return response
    form = None
    if item.status == ImportStatus.CHECKED:
        form = ConfirmForm(item, request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            services.confirm_import(
                item,
                request.membership,
                mappings=form.mappings(),
                defaults=form.defaults(),
                accept_good_rows=form.cleaned_data["accept_good_rows"],
            )
            return redirect("imports:batch", org=request.organisation.slug, pk=item.pk)
    elif request.method == "POST":
        return redirect("imports:batch", org=request.organisation.slug, pk=item.pk)
    context = {"batch": item, "form": form, "preview": item.preview, "result": item.result}
    context["field_labels"] = {k: str(v) for k, v in FIELD_LABELS.items()}
    return render(request, "imports/batch.html", context)


@require_POST
@member_may("is_coordinator")
def abandon(request, pk):
    item = _batch(request, pk)
    if item.status in (ImportStatus.CHECKING, ImportStatus.CHECKED):
        services.abandon_import(item)
    return redirect("imports:start", org=request.organisation.slug)

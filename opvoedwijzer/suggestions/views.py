"""The words screen: per theme the shipped words and the organisation's own; coordinators add and remove
their own words and let the suggestions learn again; staff read. One URL per action, no JavaScript."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opvoedwijzer.core.decorators import member_may
from opvoedwijzer.taxonomy.cache import terms_of

from . import services
from .engine import NOT_SUGGESTED, shipped_words
from .forms import ThemeWordForm
from .models import LearnedWeights, ThemeWord

can_read = member_may("can_edit_content")
can_coordinate = member_may("is_coordinator")


def _themes(org):
    return [t for t in terms_of(org).visible("theme") if t.code not in NOT_SUGGESTED]


def _page(request, form=None):
    org = request.organisation
    themes = _themes(org)
    own = defaultdict(list)
    for word in ThemeWord.objects.for_org(org):
        own[word.theme_code].append(word)
    shipped = shipped_words()
    rows = [
        {
            "theme": theme,
            "shipped": {
                language: [w.partition("|")[0] for w in shipped.get(language, {}).get(theme.code, [])]
                for language in ("nl", "fr", "en")
            },
            "own": own.get(theme.code, []),
        }
        for theme in themes
    ]
    return render(
        request,
        "suggestions/words.html",
        {
            "rows": rows,
            "form": form or ThemeWordForm(themes),
            "weights": LearnedWeights.objects.filter(organisation=org).first(),
            "may_edit": request.membership.is_coordinator,
        },
    )


@can_read
def words(request):
    return _page(request)


@can_coordinate
@require_POST
def add_word(request):
    org = request.organisation
    form = ThemeWordForm(_themes(org), request.POST)
    if form.is_valid():
        try:
            word = services.add_theme_word(
                org, form.cleaned_data["theme"], form.cleaned_data["word"], form.cleaned_data["language"]
            )
        except ValidationError as error:
            form.add_error("word", error)
        else:
            messages.success(request, _("'%(word)s' added.") % {"word": word.word})
            return redirect(f"{request.path.removesuffix('add/')}#theme-{word.theme_code}")
    return _page(request, form)


@can_coordinate
@require_POST
def remove_word(request, pk):
    word = get_object_or_404(ThemeWord.objects.for_org(request.organisation), pk=pk)
    services.remove_theme_word(word)
    messages.success(request, _("'%(word)s' removed.") % {"word": word.word})
    return redirect("suggestions:words", org=request.organisation.slug)


@can_coordinate
@require_POST
def train(request):
    weights = services.train(request.organisation)
    messages.success(
        request,
        _("The suggestions learned again from %(count)s answered questions and registrations.")
        % {"count": weights.examples},
    )
    return redirect("suggestions:words", org=request.organisation.slug)

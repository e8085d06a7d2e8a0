"""The coordinator's progress form: one group of fields per action of the
round's plan, filled with the state's answers in this round, or else in the
previous round (shown beside each action)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from membership.models import Organisation

from . import selectors
from .enums import NoteVisibility, ProgressStatus
from .services import ProgressEntry


class ProgressForm(forms.Form):
    def __init__(self, *args, actions, current: dict, previous: dict, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.documents: dict[str, object] = {}
        self.actions = list(actions)
        self.previous = previous
        self.current = current
        # One query for every action's list of organisations.
        self.organisations = {o.pk: o for o in Organisation.objects.order_by("name")}
        organisation_choices = [(pk, str(o)) for pk, o in self.organisations.items()]
        for action in self.actions:
            answer = current.get(action.pk) or previous.get(action.pk)
            key = action.pk
            self.fields[f"status_{key}"] = forms.ChoiceField(
                label=_("Status"), choices=ProgressStatus.choices,
                initial=answer.status if answer else ProgressStatus.NOT_STARTED,
            )
            self.fields[f"timeline_{key}"] = forms.CharField(
                label=_("Indicative timeline"), required=False, max_length=200,
                initial=answer.timeline if answer else "",
            )
            self.fields[f"body_{key}"] = forms.CharField(
                label=_("Responsible national body"), required=False, max_length=300,
                initial=answer.responsible_body if answer else "",
            )
            self.fields[f"organisations_{key}"] = forms.TypedMultipleChoiceField(
                label=_("Supporting organisations"), required=False, coerce=int,
                choices=organisation_choices,
                initial=[o.pk for o in answer.supporting_organisations.all()] if answer else [],
            )
            self.fields[f"note_{key}"] = forms.CharField(
                label=pgettext_lazy("progress", "New progress note"), required=False,
                widget=forms.Textarea(attrs={"rows": 2}), max_length=4000,
            )
            self.fields[f"visibility_{key}"] = forms.ChoiceField(
                label=_("Who may read the note"), choices=NoteVisibility.choices,
                initial=NoteVisibility.PARTICIPANTS,
            )
            self.fields[f"documents_{key}"] = forms.CharField(
                label=_("Supporting documents from the archive"), required=False,
                max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Reference symbols (for example AP/SOM/2024/3) or addresses of "
                            "documents in the archive, separated by commas or one per line. "
                            "They are attached to the new note."),
            )

    def groups(self):
        """(action, previous answer, this round's answer, bound fields) for
        the template."""
        for action in self.actions:
            k = action.pk
            yield action, self.previous.get(k), self.current.get(k), [
                self[f"{name}_{k}"]
                for name in ("status", "timeline", "body", "organisations", "note", "visibility",
                             "documents")
            ]

    def actions_with_errors(self) -> list:
        """The actions whose answers need correcting (linked from the top of
        a long form)."""
        return [
            a for a in self.actions
            if any(f"{name}_{a.pk}" in self.errors for name in (
                "status", "timeline", "body", "organisations", "note", "visibility", "documents"))
        ]

    def clean(self):
        """Look up every action's documents in one query, among those the
        user may see; name the references that are unknown or not available
        to them (the same words for both: a restricted document's reference
        is not confirmed). What was typed stays on the form."""
        cleaned = super().clean()
        typed = {
            a.pk: selectors.document_references(cleaned.get(f"documents_{a.pk}", ""))
            for a in self.actions
        }
        self.documents = selectors.documents_by_reference(
            user=self.user, references=[r for refs in typed.values() for r in refs],
        )
        for action in self.actions:
            references = typed[action.pk]
            missing = [r for r in references if r not in self.documents]
            if missing:
                self.add_error(f"documents_{action.pk}", ngettext(
                    "No document you may see in the archive has the reference %(references)s.",
                    "No documents you may see in the archive have the references "
                    "%(references)s.",
                    len(missing),
                ) % {"references": ", ".join(missing)})
            elif references and not (cleaned.get(f"note_{action.pk}") or "").strip():
                self.add_error(f"note_{action.pk}", _(
                    "Write a note for the supporting documents to be attached to."))
        return cleaned

    def entries(self) -> list[ProgressEntry]:
        data = self.cleaned_data
        return [
            ProgressEntry(
                action=a, status=data[f"status_{a.pk}"], timeline=data[f"timeline_{a.pk}"],
                responsible_body=data[f"body_{a.pk}"],
                organisations=[self.organisations[pk] for pk in data[f"organisations_{a.pk}"]],
                note=data[f"note_{a.pk}"],
                note_visibility=data[f"visibility_{a.pk}"],
                documents=self._documents_of(a),
            )
            for a in self.actions
        ]


    def _documents_of(self, action) -> list:
        documents = {}
        references = selectors.document_references(self.cleaned_data[f"documents_{action.pk}"])
        for reference in references:
            document = self.documents[reference]
            documents[document.pk] = document
        return list(documents.values())


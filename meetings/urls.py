from django.urls import include, path

from core.fragments import kept_response

from . import feeds, views

app_name = "meetings"


def _registration_patterns(prefix: str = ""):
    """The delegation pages, for a signed-in coordinator or focal point
    (``registration/...``) and through an observer's invitation link
    (``observer-registration/<token>/...``, names prefixed ``invited_``)."""
    return [
        path("<slug:slug>/", views.DelegationView.as_view(), name=f"{prefix}delegation"),
        path("<slug:slug>/delegates/add/", views.DelegateCreateView.as_view(),
             name=f"{prefix}delegate_add"),
        path("<slug:slug>/delegates/<int:pk>/", views.DelegateUpdateView.as_view(),
             name=f"{prefix}delegate_edit"),
        path("<slug:slug>/delegates/<int:pk>/withdraw/", views.DelegateWithdrawView.as_view(),
             name=f"{prefix}delegate_withdraw"),
        path("<slug:slug>/note-verbale/", views.CredentialsView.as_view(),
             name=f"{prefix}credentials"),
        path("<slug:slug>/submit/", views.DelegationSubmitView.as_view(),
             name=f"{prefix}delegation_submit"),
        path("<slug:slug>/withdraw/", views.DelegationWithdrawView.as_view(),
             name=f"{prefix}delegation_withdraw"),
        path("<slug:slug>/restore/", views.DelegationRestoreView.as_view(),
             name=f"{prefix}delegation_restore"),
    ]


urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings.ics", views.meetings_ics, name="calendar_feed"),
    path("meetings/feed/rss/", kept_response("meetings:feed_rss")(feeds.MeetingsFeed()),
         name="feed_rss"),
    path("meetings/feed/atom/", kept_response("meetings:feed_atom")(feeds.MeetingsAtomFeed()),
         name="feed_atom"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<slug:slug>/calendar.ics", views.meeting_ics, name="meeting_ics"),
    path("registration/", views.DashboardView.as_view(), name="registration_dashboard"),
    path("registration/", include(_registration_patterns())),
    path("observer-registration/<str:token>/", include(_registration_patterns("invited_"))),
]

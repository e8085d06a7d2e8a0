from django.urls import path

from core.fragments import kept_response

from . import feeds, views

app_name = "decisions"

urlpatterns = [
    path("decisions/", views.RegisterView.as_view(), name="register"),
    path("decisions/feed/rss/", kept_response("decisions:feed_rss")(feeds.OutcomesFeed()),
         name="feed_rss"),
    path("decisions/feed/atom/", kept_response("decisions:feed_atom")(feeds.OutcomesAtomFeed()),
         name="feed_atom"),
    path("decisions/follow-up/", views.FollowUpView.as_view(), name="follow_up"),
    path("decisions/<int:pk>/", views.OutcomeDetailView.as_view(), name="outcome"),
]

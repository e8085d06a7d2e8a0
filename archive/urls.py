from django.urls import path

from core.fragments import kept_response

from . import feeds, views

app_name = "archive"

urlpatterns = [
    path("archive/", views.DocumentListView.as_view(), name="document_list"),
    path("archive/feed/rss/", kept_response("archive:feed_rss")(feeds.LatestDocumentsFeed()),
         name="feed_rss"),
    path("archive/feed/atom/", kept_response("archive:feed_atom")(feeds.LatestDocumentsAtomFeed()),
         name="feed_atom"),
    path("archive/<slug:slug>/", views.DocumentDetailView.as_view(), name="document_detail"),
    path(
        "archive/<slug:slug>/files/<int:pk>/", views.file_download, name="file_download",
    ),
]

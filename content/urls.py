from django.urls import path

from core.fragments import kept_response

from . import feeds, views

app_name = "content"

urlpatterns = [
    path("news/", views.NewsListView.as_view(), name="news_list"),
    path("news/feed/rss/", kept_response("content:news_feed_rss")(feeds.LatestNewsFeed()),
         name="news_feed_rss"),
    path("news/feed/atom/", kept_response("content:news_feed_atom")(feeds.LatestNewsAtomFeed()),
         name="news_feed_atom"),
    path("news/<slug:slug>/", views.NewsDetailView.as_view(), name="news_detail"),
    path("news/<slug:slug>/image/", views.news_image, name="news_image"),
    path("partners/", views.PartnerListView.as_view(), name="partner_list"),
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"),
    path("contact/", views.ContactView.as_view(), name="contact"),
]

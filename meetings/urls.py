from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings.ics", views.meetings_ics, name="calendar_feed"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<slug:slug>/calendar.ics", views.meeting_ics, name="meeting_ics"),
]

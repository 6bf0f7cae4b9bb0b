from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("", views.submit, name="submit"),
    path("sent/", views.sent, name="sent"),
    path("privacy/", views.privacy, name="privacy"),
]

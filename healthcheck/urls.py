from django.urls import path

from . import views

app_name = "healthcheck"

urlpatterns = [
    path("", views.start, name="start"),
    path("result/", views.result, name="result"),
    path("result/csv/", views.result_csv, name="result_csv"),
    path("compare/", views.compare, name="compare"),
]

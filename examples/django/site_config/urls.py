from django.urls import path

from guestbook import views

urlpatterns = [path("", views.home)]

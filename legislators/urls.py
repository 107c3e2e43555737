app_name = "legislators"

urlpatterns: list = []

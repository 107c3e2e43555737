from django.conf import settings


def site(request):
    """Values every page's shell needs (quick exit target, site name)."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
    }

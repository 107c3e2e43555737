from django.conf import settings

from actioncenter.languages import language_links
from actioncenter.siteurl import site_url


def site(request):
    """Values every page's shell needs (quick exit target, site name, language switcher)."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": site_url(),
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "language_links": language_links(request),
    }

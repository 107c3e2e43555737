"""Which sites may show a response in a frame.

Every page of the site sends `X-Frame-Options: DENY` and `frame-ancestors 'none'` (settings:
X_FRAME_OPTIONS, CONTENT_SECURITY_POLICY). An embed response names the partner origins that
may frame it instead, through the decorators of Django and django-csp, so the rest of the
policy (scripts, styles, form targets: this site only) stays the site's.
"""

from __future__ import annotations

from csp.decorators import csp_replace
from django.views.decorators.clickjacking import xframe_options_exempt


def frame_for(response, origins):
    """`response`, which the pages at `origins` may frame (and nothing else may); unchanged,
    so framed by nobody, when there are no origins."""
    if not origins:
        return response
    allow = csp_replace({"frame-ancestors": list(origins)})(xframe_options_exempt(lambda: response))
    return allow()

from movement.identity import site_identity


def identity(request):
    """`site_identity` in the page's language; SITE_NAME becomes the movement's name, so
    every page's title says it."""
    current = site_identity()
    return {"site_identity": current, "SITE_NAME": current.name}

"""Media kept in an S3-compatible bucket are still linked on the site's own address."""

import pytest

storages = pytest.importorskip("storages")


def test_bucket_files_are_linked_under_the_sites_media_url(settings):
    from images.storage import SameOriginS3Storage

    storage = SameOriginS3Storage(
        bucket_name="movement-media",
        endpoint_url="https://s3.example.org",
        access_key="key",
        secret_key="secret",
    )
    assert storage.url("campaigns/hero/march 1.1000x500.jpg") == (
        "/media/campaigns/hero/march%201.1000x500.jpg"
    )

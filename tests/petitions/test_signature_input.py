"""The signature input serializer reuses its fields per thread: each request still gets
its own data and its own errors, also when threads validate at the same time."""

import threading

from petitions.api.serializers import SignatureInputSerializer

VALID = {"first_name": "Ana", "last_name": "Díaz", "email": "ana@example.org", "zip_code": "22150"}


def validate(data):
    serializer = SignatureInputSerializer(data=data)
    return serializer.is_valid(), serializer.validated_data, serializer.errors


def test_each_instance_validates_its_own_data():
    ok, data, _ = validate(VALID)
    bad, _, errors = validate({**VALID, "zip_code": "abc", "email": "nope"})
    again, data_again, _ = validate({**VALID, "first_name": "Bea", "partner_ids": [3]})

    assert ok and again and not bad
    assert data["first_name"] == "Ana" and data["partner_ids"] == []
    assert data_again["first_name"] == "Bea" and data_again["partner_ids"] == [3]
    assert set(errors) == {"zip_code", "email"}


def test_threads_validating_at_once_never_see_each_others_data():
    problems = []

    def sign_many(name: str, broken: bool):
        for n in range(300):
            data = {**VALID, "first_name": f"{name}{n}"}
            if broken:
                data["zip_code"] = f"x{n}"
            ok, validated, errors = validate(data)
            if broken and (ok or set(errors) != {"zip_code"}):
                problems.append((name, n, errors))
            if not broken and (not ok or validated["first_name"] != f"{name}{n}"):
                problems.append((name, n, errors))

    threads = [threading.Thread(target=sign_many, args=(f"t{i}-", i % 2 == 1)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert problems == []

"""The soak run (`make soak`): the production settings under steady load on loopback, with a
Celery worker and the broker killed on the way, then exact checks of what came out."""

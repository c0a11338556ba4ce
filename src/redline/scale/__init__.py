"""Scale-out (planned): the NATS JetStream stream worker and the Dask backfill, over ``pipeline``."""

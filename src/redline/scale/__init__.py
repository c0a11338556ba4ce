"""Scale-out (planned): the NATS JetStream worker and the Dask backfill, over ``pipeline``."""

"""Events out: the outbox written with each change, and the webhook targets and deliveries.

``emit`` is the one call a part of the record makes, in its own unit of work, to announce a
change; ``Outbox`` and ``Webhooks`` are what the deliverer (``redline.scale.deliver``) and the
CLI and API read and update.
"""

from redline.record.outbox.repository import KINDS, Event, Outbox, emit
from redline.record.outbox.webhooks import Delivery, Due, Target, Webhooks

__all__ = ["KINDS", "Delivery", "Due", "Event", "Outbox", "Target", "Webhooks", "emit"]

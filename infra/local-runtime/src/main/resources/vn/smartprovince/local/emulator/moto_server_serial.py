"""moto_server with DynamoDB requests handled one at a time.

moto 5.2 runs TransactWriteItems by deep-copying each table, applying the operations and, when a
condition fails, putting the copy back. Under concurrent requests that rollback can undo another
request's committed write, and two conditional writes can both succeed: DynamoDB's guarantees do
not hold. Serialising DynamoDB's handler restores them; other services (SQS long polls) stay
concurrent. Run as: python3 moto_server_serial.py -H 127.0.0.1 -p 4566
"""
import sys
import threading

from moto.dynamodb.responses import DynamoHandler

_lock = threading.RLock()
_call_action = DynamoHandler.call_action


def _serialised_call_action(self):
    with _lock:
        return _call_action(self)


DynamoHandler.call_action = _serialised_call_action

from moto.server import main  # noqa: E402  (after the patch)

main(sys.argv[1:])

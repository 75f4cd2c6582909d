"""moto_server with DynamoDB requests handled one at a time.

moto 5.2 runs TransactWriteItems by deep-copying each table, applying the operations and, when a
condition fails, putting the copy back. Under concurrent requests that rollback can undo another
request's committed write, and two conditional writes can both succeed: DynamoDB's guarantees do
not hold. Serialising DynamoDB's handler restores them; other services (SQS long polls) stay
concurrent. Stream reads (GetRecords) take the same lock: a transaction appends its stream records
before its conditions are all checked, so a read in between could see records the rollback then
removes, and the records written next reuse their sequence numbers (a consumer would skip real
records). And a rollback keeps the table's stream shard object (moto would swap in the copy's):
the iterators consumers hold point at it. Run as: python3 moto_server_serial.py -H 127.0.0.1 -p 4566

That backup is also what makes moto slow as a table grows: it deep-copies the table once per
ITEM of the transaction, stream history included, so each transaction costs (items x everything
ever written) and a run of a few thousand transactions (the one-stop sync test: 200 dossiers)
spent minutes and gigabytes copying. Two patches keep the same rollback and cut the cost: the
table is copied once per transaction, and its stream shard's records, which moto never changes
once written, are shared by the copy (the copy gets its own list, so a rollback still drops the
records of the failed transaction).
"""
import copy
import sys
import threading

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models.table import StreamShard, Table
from moto.dynamodb.responses import DynamoHandler
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler

_lock = threading.RLock()
_call_action = DynamoHandler.call_action


def _serialised_call_action(self):
    with _lock:
        return _call_action(self)


DynamoHandler.call_action = _serialised_call_action
_streams_call_action = DynamoDBStreamsHandler.call_action


def _serialised_streams_call_action(self):
    with _lock:
        return _streams_call_action(self)


DynamoDBStreamsHandler.call_action = _serialised_streams_call_action


def _shard_deepcopy(self, memo):
    clone = StreamShard.__new__(StreamShard)
    memo[id(self)] = clone
    clone.__dict__.update(self.__dict__)
    clone.table = memo.get(id(self.table), self.table)
    clone.items = list(self.items)
    return clone


StreamShard.__deepcopy__ = _shard_deepcopy


class _CopyEachTableOnce:
    """moto's models module's `copy`, with Table copies made once per transaction (calls are serialised)."""

    backups = None

    def deepcopy(self, value, memo=None):
        if self.backups is not None and isinstance(value, Table):
            if id(value) not in self.backups:
                self.backups[id(value)] = copy.deepcopy(value)
            return self.backups[id(value)]
        return copy.deepcopy(value, memo)

    def __getattr__(self, name):
        return getattr(copy, name)


_copy = _CopyEachTableOnce()
dynamodb_models.copy = _copy
_transact_write_items = dynamodb_models.DynamoDBBackend.transact_write_items


def _transact_copying_once(self, transact_items):
    _copy.backups = {}
    shards = {name: (table.stream_shard, len(table.stream_shard.items))
              for name, table in self.tables.items() if table.stream_shard is not None}
    try:
        return _transact_write_items(self, transact_items)
    finally:
        _copy.backups = None
        for name, (shard, length) in shards.items():
            table = self.tables.get(name)
            if table is not None and table.stream_shard is not shard:
                # Rolled back to the copy. Stream readers' iterators hold the live shard object: keep
                # it, without the failed transaction's records, or they would read records that never
                # happened and later skip real ones written at the same sequence numbers.
                del shard.items[length:]
                shard.table = table
                table.stream_shard = shard


dynamodb_models.DynamoDBBackend.transact_write_items = _transact_copying_once

from moto.server import main  # noqa: E402  (after the patch)

main(sys.argv[1:])

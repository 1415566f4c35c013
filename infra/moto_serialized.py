"""moto's application in a single-threaded server, for tests that race several processes.

    python3 infra/moto_serialized.py PORT

moto's own server answers requests on many threads, and its DynamoDB and SQS models are not safe
under that: two concurrent conditional writes (or transactions) to one item can both succeed, and
two receivers can get one FIFO message. AWS never does either. Here requests are answered one at
a time (HTTP/1.0, one connection at a time), so every request is atomic, as on AWS.

One change to moto's DynamoDB model, for speed only: TransactWriteItems deep-copies every table
it touches before it starts, to roll back on a failed condition, which makes each transaction
cost as much as the whole table (a soak of 1,000 signals slowed to minutes per hundred and grew
moto past 6 GB). Here the transaction's conditions are checked first, with nothing written; when
one fails, the transaction is cancelled with the error moto gives for each item, and when all
hold, moto's own code runs the writes without the copies. With one request at a time nothing can change
between the check and the writes, so what a client sees is what moto alone gives.

And three to its SQS model, for speed only: SendMessage(Batch) and ReceiveMessage read one
attribute (content-based deduplication, retention) by computing all of the queue's attributes,
which counts every message in the queue, so sending or receiving cost grew with the square of the
queue's depth; here those reads take the one attribute directly. GetQueueAttributes computed all
of them seven times per call; here once per call.
"""

import sys
import types

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
import moto.dynamodb.models as models
from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.models.table import Table
import moto.sqs.models as sqs_models
from moto.core.utils import unix_time

_original = models.DynamoDBBackend.transact_write_items
_real_copy = models.copy


def _condition_errors(backend, transact_items):
    """Each item's condition evaluated on the table as it is, nothing written: moto's error tuple
    per item ((None, None, None) where the condition holds or there is none)."""
    errors = []
    for item in transact_items:
        op_type, op = next(iter(item.items()))
        table = backend.get_table(op["TableName"])
        if op_type == "Put":
            attrs = op["Item"]
            key = {table.hash_key_attr: attrs[table.hash_key_attr]}
            if table.range_key_attr is not None:
                key[table.range_key_attr] = attrs[table.range_key_attr]
        else:
            key = op["Key"]
        expression = op.get("ConditionExpression")
        if expression is None:
            errors.append((None, None, None))
            continue
        current = backend.get_item(op["TableName"], key)
        condition = get_filter_expression(
            expression, op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")
        )
        if condition.expr(current):
            errors.append((None, None, None))
        else:
            old = None
            if op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                old = current.to_json()["Attributes"]
            errors.append(("ConditionalCheckFailed", "The conditional request failed", old))
    return errors


def _no_table_copies():
    def deepcopy(value, *args, **kwargs):
        return value if isinstance(value, Table) else _real_copy.deepcopy(value, *args, **kwargs)

    return types.SimpleNamespace(deepcopy=deepcopy, copy=_real_copy.copy)


def transact_write_items(self, transact_items):
    if len(transact_items) > 100 or any(len(item) != 1 for item in transact_items):
        return _original(self, transact_items)  # moto's own refusal
    try:
        errors = _condition_errors(self, transact_items)
    except Exception:
        return _original(self, transact_items)  # let moto report whatever is wrong, its own way
    if any(code is not None for code, _, _ in errors):
        raise models.TransactionCanceledException(errors)
    models.copy = _no_table_copies()
    try:
        return _original(self, transact_items)
    finally:
        models.copy = _real_copy


models.DynamoDBBackend.transact_write_items = transact_write_items


_full_attributes = sqs_models.Queue.attributes.fget
_one_attribute = []  # set while moto reads only content-based deduplication


_per_call = []  # while GetQueueAttributes runs: each queue's attributes, computed once


def attributes(self):
    if _one_attribute:
        return {"ContentBasedDeduplication": str(bool(self.content_based_deduplication)).lower()}
    if _per_call:
        cache = _per_call[-1]
        if id(self) not in cache:
            cache[id(self)] = _full_attributes(self)
        return cache[id(self)]
    return _full_attributes(self)


def _attributes_once(method):
    def wrapper(*args, **kwargs):
        _per_call.append({})
        try:
            return method(*args, **kwargs)
        finally:
            _per_call.pop()

    return wrapper


def _reading_deduplication_only(method):
    def wrapper(*args, **kwargs):
        _one_attribute.append(True)
        try:
            return method(*args, **kwargs)
        finally:
            _one_attribute.pop()

    return wrapper


sqs_models.Queue.attributes = property(attributes)
sqs_models.SQSBackend._validate_message = _reading_deduplication_only(sqs_models.SQSBackend._validate_message)
sqs_models.SQSBackend.send_message = _reading_deduplication_only(sqs_models.SQSBackend.send_message)
sqs_models.SQSBackend.get_queue_attributes = _attributes_once(sqs_models.SQSBackend.get_queue_attributes)


def is_message_valid_based_on_retention_period(self, queue_name, message):
    retention = int(self.get_queue(queue_name).message_retention_period)
    return retention + message.sent_timestamp / 1000 > unix_time()


sqs_models.SQSBackend.is_message_valid_based_on_retention_period = is_message_valid_based_on_retention_period

if __name__ == "__main__":
    run_simple(
        "127.0.0.1",
        int(sys.argv[1]),
        DomainDispatcherApplication(create_backend_app),
        threaded=False,
        use_reloader=False,
        use_debugger=False,
    )

"""`in` on an integer column, without overflowing.

Django answers `pk=<a number no column holds>` with "no rows" (its IntegerFieldOverflow lookups), but
`pk__in=[…]` hands the number to the database driver, which raises (SQLite: "Python int too large to
convert to SQLite INTEGER"; PostgreSQL: out of range) — a 500 for a form's multiple choice posted with
9223372036854775808. Such a number matches no row, so this lookup leaves it out, as Django's own do.
Registered on IntegerField (and so on every id and foreign key) by `CoreConfig.ready`.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register():
    IntegerField.register_lookup(IntegerFieldIn)

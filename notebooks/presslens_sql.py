"""SQL over presslens output tables from a notebook: DuckDB, directly or through its JDBC driver.

    from presslens_sql import Tables
    t = Tables("out/sample")                       # any output directory, e.g. one a cluster run wrote
    t.sql("select outlet, count(*) as n from articles group by outlet")   # -> pandas.DataFrame

Every table of the output directory is a view named as the table (articles, duplicates, label_choices, ...), so
the SQL reads as it would in the DuckDB command line. With the Python duckdb package installed it is used
directly; otherwise the same SQL runs in DuckDB's JDBC driver through JPype (Debian: python3-jpype), with the
driver jar from PRESSLENS_DUCKDB_JAR or the local Maven repository. Statistics are computed by the Spark job;
this module only reads.
"""
import datetime
import glob
import os

import pandas as pd

DUCKDB_JDBC_VERSION = "1.5.2.0"


def _jdbc_jar():
    jar = os.environ.get("PRESSLENS_DUCKDB_JAR")
    if jar:
        return jar
    pattern = os.path.expanduser(
        "~/.m2/repository/org/duckdb/duckdb_jdbc/%s/duckdb_jdbc-%s.jar" % (DUCKDB_JDBC_VERSION, DUCKDB_JDBC_VERSION))
    found = glob.glob(pattern)
    if not found:
        raise RuntimeError("DuckDB JDBC driver not found: run `mvn dependency:get -Dartifact=org.duckdb:duckdb_jdbc:%s`"
                           " or set PRESSLENS_DUCKDB_JAR" % DUCKDB_JDBC_VERSION)
    return found[0]


class _Jdbc:
    """DuckDB through JDBC in a JVM started by JPype (one per Python process)."""

    def __init__(self):
        import jpype
        import jpype.imports  # noqa: F401
        if not jpype.isJVMStarted():
            jpype.startJVM(classpath=["/usr/share/java/org.jpype.jar", _jdbc_jar()], convertStrings=True)
        from java.lang import Class
        from java.sql import DriverManager
        Class.forName("org.duckdb.DuckDBDriver")
        self._connection = DriverManager.getConnection("jdbc:duckdb:")

    def execute(self, sql):
        statement = self._connection.createStatement()
        try:
            if not statement.execute(sql):
                return None
            result = statement.getResultSet()
            meta = result.getMetaData()
            names = [str(meta.getColumnLabel(i + 1)) for i in range(meta.getColumnCount())]
            rows = []
            while result.next():
                rows.append([_python(result.getObject(i + 1)) for i in range(len(names))])
            return pd.DataFrame(rows, columns=names)
        finally:
            statement.close()


def _python(value):
    """JDBC values as plain Python values (numbers, strings, dates, lists, dicts)."""
    if value is None:
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    name = value.getClass().getName()
    if name in ("java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.math.BigInteger"):
        return int(str(value))
    if name in ("java.lang.Double", "java.lang.Float", "java.math.BigDecimal"):
        return float(value.doubleValue())
    if name == "java.lang.Boolean":
        return bool(value.booleanValue())
    if name == "java.time.LocalDate":
        return datetime.date(value.getYear(), value.getMonthValue(), value.getDayOfMonth())
    if name == "java.sql.Date":
        return _python(value.toLocalDate())
    if name in ("java.sql.Timestamp", "java.time.LocalDateTime", "java.time.OffsetDateTime"):
        return pd.Timestamp(str(value))
    if name == "org.duckdb.DuckDBArray":
        return [_python(v) for v in value.getArray()]
    from java.util import Map
    if isinstance(value, Map):
        return {_python(e.getKey()): _python(e.getValue()) for e in value.entrySet()}
    return str(value)


class Tables:
    """The tables of one presslens output directory, as DuckDB views named after them."""

    def __init__(self, output_dir):
        self.output_dir = os.path.abspath(output_dir)
        if not os.path.exists(os.path.join(self.output_dir, "_run.json")):
            raise FileNotFoundError("not a presslens output directory (no _run.json): " + self.output_dir)
        try:
            import duckdb
            connection = duckdb.connect()

            def run(sql):
                cursor = connection.execute(sql)
                return cursor.df() if cursor.description else None
            self._run = run
            self.engine = "duckdb " + duckdb.__version__
        except ImportError:
            self._run = _Jdbc().execute
            self.engine = "DuckDB JDBC %s via JPype" % DUCKDB_JDBC_VERSION
        self.names = []
        for path in sorted(glob.glob(os.path.join(self.output_dir, "*"))):
            name = os.path.basename(path)
            if os.path.isdir(path) and not name.startswith(("_", ".")):
                self._run("create or replace view %s as select * from read_parquet('%s/**/*.parquet', "
                          "hive_partitioning = true)" % (name, path))
                self.names.append(name)

    def sql(self, query):
        """Runs one SQL statement and returns its rows as a pandas.DataFrame."""
        return self._run(query)

/*
 * Smoke test for one sqlite-vec native: loads it into an in-memory SQLite
 * (the amalgamation is compiled into this program) the way the driver does,
 * and checks a few results that were worked out by hand.
 *
 *   harness /path/to/vec0.so
 *
 * Exit status 0 when every check passes; 1 otherwise, with the reason on stderr.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sqlite3.h"

static int failures = 0;

static void fail(const char *what, const char *detail) {
  fprintf(stderr, "FAIL: %s: %s\n", what, detail ? detail : "(no detail)");
  failures++;
}

static int exec(sqlite3 *db, const char *sql) {
  char *err = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
    fail(sql, err);
    sqlite3_free(err);
    return 0;
  }
  return 1;
}

/* Runs a KNN query and compares (rowid, distance) pairs with the expected ones. */
static void expect_knn(sqlite3 *db, const char *sql, int n, const long long *rowids,
                       const double *distances) {
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
    fail(sql, sqlite3_errmsg(db));
    return;
  }
  int row = 0, rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    long long rowid = sqlite3_column_int64(stmt, 0);
    double distance = sqlite3_column_double(stmt, 1);
    printf("  %s -> rowid %lld distance %.7f\n", sql, rowid, distance);
    if (row >= n) {
      fail(sql, "more rows than expected");
    } else if (rowid != rowids[row] || fabs(distance - distances[row]) > 1e-5) {
      char detail[160];
      snprintf(detail, sizeof detail, "row %d is (%lld, %.7f), expected (%lld, %.7f)", row, rowid,
               distance, rowids[row], distances[row]);
      fail(sql, detail);
    }
    row++;
  }
  if (rc != SQLITE_DONE) fail(sql, sqlite3_errmsg(db));
  if (row != n) fail(sql, "fewer rows than expected");
  sqlite3_finalize(stmt);
}

static void expect_double(sqlite3 *db, const char *sql, double expected) {
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
    fail(sql, sqlite3_errmsg(db));
    return;
  }
  if (sqlite3_step(stmt) != SQLITE_ROW) {
    fail(sql, sqlite3_errmsg(db));
  } else {
    double got = sqlite3_column_double(stmt, 0);
    printf("  %s -> %.7f\n", sql, got);
    if (fabs(got - expected) > 1e-5) fail(sql, "unexpected value");
  }
  sqlite3_finalize(stmt);
}

static void expect_text(sqlite3 *db, const char *sql, const char *expected) {
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
    fail(sql, sqlite3_errmsg(db));
    return;
  }
  if (sqlite3_step(stmt) != SQLITE_ROW) {
    fail(sql, sqlite3_errmsg(db));
  } else {
    const char *got = (const char *)sqlite3_column_text(stmt, 0);
    printf("  %s -> %s\n", sql, got ? got : "NULL");
    if (!got || strcmp(got, expected) != 0) fail(sql, expected);
  }
  sqlite3_finalize(stmt);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s /path/to/vec0 library\n", argv[0]);
    return 2;
  }
  sqlite3 *db = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    fprintf(stderr, "FAIL: cannot open an in-memory database\n");
    return 1;
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  char *err = NULL;
  if (sqlite3_load_extension(db, argv[1], "sqlite3_vec_init", &err) != SQLITE_OK) {
    fail("sqlite3_load_extension", err);
    sqlite3_free(err);
    sqlite3_close(db);
    return 1;
  }

  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, "SELECT vec_version()", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const char *version = (const char *)sqlite3_column_text(stmt, 0);
    printf("sqlite %s, vec_version() = %s\n", sqlite3_libversion(), version);
    if (strcmp(version, SQLITE_VEC_EXPECTED_VERSION) != 0) fail("vec_version()", version);
  } else {
    fail("SELECT vec_version()", sqlite3_errmsg(db));
  }
  sqlite3_finalize(stmt);

  /* Four dimensions: the scalar kernels. Query [3,3,3,2]:
   * row 3 [3,3,3,3] -> sqrt(1) = 1; row 2 [2,2,2,2] -> sqrt(1+1+1+0) = 1.7320508. */
  exec(db, "CREATE VIRTUAL TABLE t USING vec0(embedding float[4])");
  exec(db, "INSERT INTO t(rowid, embedding) VALUES (1, '[1,1,1,1]'), (2, '[2,2,2,2]'), "
           "(3, '[3,3,3,3]'), (4, '[10,0,0,0]')");
  const long long rowids4[] = {3, 2};
  const double dist4[] = {1.0, 1.7320508};
  expect_knn(db, "SELECT rowid, distance FROM t WHERE embedding MATCH '[3,3,3,2]' AND k = 2",
             2, rowids4, dist4);

  /* 32 dimensions: long enough for the AVX (dims % 16 == 0) and NEON (dims > 16)
   * L2 kernels. Row r has every component r; query all 2.25:
   * row 2 -> 0.25 * sqrt(32) = 1.4142136, row 3 -> 0.75 * sqrt(32) = 4.2426407.
   * (The "+ 0.0 * i" makes json_group_array aggregate over d rather than over r.) */
  exec(db, "CREATE VIRTUAL TABLE t32 USING vec0(embedding float[32])");
  exec(db, "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 4) "
           "INSERT INTO t32(rowid, embedding) SELECT x, (SELECT json_group_array(x + 0.0 * i) "
           "FROM (WITH RECURSIVE d(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM d WHERE i < 32) "
           "SELECT i FROM d)) FROM r");
  const long long rowids32[] = {2, 3};
  const double dist32[] = {1.4142136, 4.2426407};
  expect_knn(db, "SELECT rowid, distance FROM t32 WHERE embedding MATCH "
                 "(SELECT json_group_array(2.25) FROM (WITH RECURSIVE d(i) AS (SELECT 1 UNION ALL "
                 "SELECT i + 1 FROM d WHERE i < 32) SELECT i FROM d)) AND k = 2",
             2, rowids32, dist32);

  /* Orthogonal vectors have cosine distance 1; equal ones 0. */
  expect_double(db, "SELECT vec_distance_cosine('[1,0,0,0]', '[0,1,0,0]')", 1.0);
  expect_double(db, "SELECT vec_distance_cosine('[1,2,3,4]', '[1,2,3,4]')", 0.0);

  /* Ties (zig-cross/patches/0001 must keep the order of the official build): chunks of 8,
   * even rowids at distance 0, odd ones at 2. Within a chunk equal distances come last-inserted
   * first; across chunks the earlier chunk first. Checked against the official 0.1.9 binary. */
  exec(db, "CREATE VIRTUAL TABLE ties USING vec0(embedding float[4], chunk_size=8)");
  exec(db, "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 12) "
           "INSERT INTO ties(rowid, embedding) SELECT x, CASE x % 2 WHEN 0 THEN '[1,1,1,1]' "
           "ELSE '[2,2,2,2]' END FROM r");
  const long long rowidsTies[] = {8, 6, 4, 2, 12, 10, 7};
  const double distTies[] = {0, 0, 0, 0, 0, 0, 2};
  expect_knn(db, "SELECT rowid, distance FROM ties WHERE embedding MATCH '[1,1,1,1]' AND k = 7",
             7, rowidsTies, distTies);

  /* sqlite-vec documents this blob; no build flag may change it (patches/0002). */
  expect_text(db, "SELECT hex(vec_normalize('[2, 3, 1, -4]'))", "BAF4BA3E8B370C3FBAF43A3EBAF43ABF");

  /* int8 L2 with element differences of 255, over 16 elements (long enough for the NEON
   * kernel): each square, 65025, overflowed int16 there before patches/0003.
   * sqrt(16 * 255^2) = 1020. */
  expect_double(db, "SELECT vec_distance_l2("
                    "vec_int8('[127,127,127,127,127,127,127,127,127,127,127,127,127,127,127,127]'), "
                    "vec_int8('[-128,-128,-128,-128,-128,-128,-128,-128,"
                    "-128,-128,-128,-128,-128,-128,-128,-128]'))", 1020.0);

  /* Hamming distance over 64-bit words: where `long` has 32 bits (Windows, 32-bit platforms)
   * each word's upper half went uncounted before patches/0004, giving 32 here, not 64. */
  expect_double(db, "SELECT vec_distance_hamming(vec_bit(X'FFFFFFFFFFFFFFFF'), "
                    "vec_bit(X'0000000000000000'))", 64.0);
  /* The same in a bit vec0 KNN (patches/0006 counts a chunk in one loop): row 2 differs from
   * the query only in the upper half of its first word (bytes 4-7, little-endian), row 3 in
   * every bit. */
  exec(db, "CREATE VIRTUAL TABLE bits USING vec0(embedding bit[128])");
  exec(db, "INSERT INTO bits(rowid, embedding) VALUES "
           "(1, vec_bit(zeroblob(16))), "
           "(2, vec_bit(X'00000000FFFFFFFF0000000000000000')), "
           "(3, vec_bit(X'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF'))");
  const long long rowidsBits[] = {1, 2, 3};
  const double distBits[] = {0, 32, 128};
  expect_knn(db, "SELECT rowid, distance FROM bits WHERE embedding MATCH vec_bit(zeroblob(16)) AND k = 3",
             3, rowidsBits, distBits);

  sqlite3_close(db);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("OK\n");
  return 0;
}

package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.VectorElementType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.codegen.GenerationTool;
import org.jooq.impl.DSL;
import org.jooq.meta.jaxb.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented codegen configuration, run for real: jOOQ-codegen reads a SQLite file holding
 * vec0 tables, the generated sources are compiled together with a typed query against them, and
 * that query runs.
 */
class CodegenTest {

    @TempDir
    Path dir;

    /** A user's query over generated code: it compiles only if the vector columns are Field<float[]> etc. */
    private static final String TYPED_QUERY = String.join("\n",
            "package com.example.app;",
            "import static com.example.db.Tables.DOCS;",
            "import static io.github.sqlitevec.jooq.SqliteVecDSL.*;",
            "import java.util.List;",
            "import org.jooq.DSLContext;",
            "public class NearestNews implements java.util.function.Function<DSLContext, List<Long>> {",
            "    public List<Long> apply(DSLContext ctx) {",
            "        float[] q = {1f, 0f, 0f, 0f};",
            "        ctx.insertInto(DOCS, DOCS.ID, DOCS.EMBEDDING, DOCS.EMBEDDING_I8, DOCS.EMBEDDING_BQ, DOCS.CATEGORY, DOCS.SCORE, DOCS.PUBLISHED, DOCS.USER_ID, DOCS.TITLE)",
            "           .values(1L, new float[] {1f, 0f, 0f, 0f}, new byte[] {1, 2, 3, 4}, new boolean[8], \"news\", 0.5, true, 7L, \"first\")",
            "           .values(2L, new float[] {0.9f, 0.1f, 0f, 0f}, new byte[] {1, 2, 3, 4}, new boolean[8], \"blog\", 0.5, true, 7L, \"second\")",
            "           .values(3L, new float[] {0f, 1f, 0f, 0f}, new byte[] {1, 2, 3, 4}, new boolean[8], \"news\", 0.5, false, 7L, \"third\")",
            "           .execute();",
            "        return ctx.select(DOCS.ID).from(DOCS)",
            "                  .where(knn(DOCS.EMBEDDING, q).k(2).and(DOCS.CATEGORY.eq(\"news\")).and(DOCS.USER_ID.eq(7L)))",
            "                  .orderBy(distance(DOCS)).fetch(DOCS.ID);",
            "    }",
            "}");

    @Test
    void generatedCodeHasVectorTypedFieldsSkipsShadowTablesCompilesAndQueries() throws Exception {
        Path database = dir.resolve("schema.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlitevec:" + database)) {
            DSLContext ctx = DSL.using(connection, org.jooq.SQLDialect.SQLITE);
            ctx.execute(SqliteVecDSL.createVec0Table("docs").primaryKey("id")
                    .vector("embedding", VectorElementType.FLOAT32, 4, DistanceMetric.COSINE)
                    .vector("embedding_i8", VectorElementType.INT8, 4)
                    .vector("embedding_bq", VectorElementType.BIT, 8)
                    .metadata("category", org.jooq.impl.SQLDataType.VARCHAR)
                    .metadata("score", org.jooq.impl.SQLDataType.DOUBLE)
                    .metadata("published", org.jooq.impl.SQLDataType.BOOLEAN)
                    .partitionKey("user_id", org.jooq.impl.SQLDataType.BIGINT)
                    .auxiliary("title", org.jooq.impl.SQLDataType.VARCHAR)
                    .toQuery());
            ctx.execute("create table notes_info(id integer primary key, body text)"); // looks like a shadow table, is not one
            assertTrue(ctx.fetchValues("select name from sqlite_master where type = 'table'").contains("docs_vector_chunks00"));
        }

        Path sources = dir.resolve("generated");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlitevec:" + database)) {
            GenerationTool tool = new GenerationTool();
            tool.setConnection(connection);
            tool.run(configuration(database, sources));
        }

        List<String> generated = javaFiles(sources).stream().map(p -> sources.relativize(p).toString().replace('\\', '/')).sorted().collect(Collectors.toList());
        assertTrue(generated.contains("com/example/db/tables/Docs.java"), generated.toString());
        assertTrue(generated.contains("com/example/db/tables/NotesInfo.java"), generated.toString());
        assertFalse(generated.stream().anyMatch(f -> f.matches(".*/tables/Docs(Info|Chunks|Rowids|Auxiliary|VectorChunks\\d+|Metadatachunks\\d+|Metadatatext\\d+)\\.java")),
                "shadow tables must not be generated: " + generated);
        assertFalse(generated.stream().anyMatch(f -> f.contains("SqliteSequence")), generated.toString());

        Path classes = dir.resolve("classes");
        Path app = sources.resolve("com/example/app/NearestNews.java");
        Files.createDirectories(app.getParent());
        Files.writeString(app, TYPED_QUERY);
        compile(javaFiles(sources), classes);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
                var connection = java.sql.DriverManager.getConnection("jdbc:sqlitevec:" + database)) {
            Table<?> docs = (Table<?>) loader.loadClass("com.example.db.Tables").getField("DOCS").get(null);
            assertEquals(float[].class, docs.field("embedding").getType());
            assertEquals(byte[].class, docs.field("embedding_i8").getType());
            assertEquals(boolean[].class, docs.field("embedding_bq").getType());
            assertEquals(Long.class, docs.field("id").getType());
            assertEquals(String.class, docs.field("category").getType());
            assertEquals(Double.class, docs.field("score").getType());
            assertEquals(Boolean.class, docs.field("published").getType());
            assertEquals(Long.class, docs.field("user_id").getType());
            assertEquals(String.class, docs.field("title").getType());
            assertEquals(List.of("id"), docs.getPrimaryKey() == null ? List.of() : docs.getPrimaryKey().getFields().stream().map(Field::getName).collect(Collectors.toList()));

            @SuppressWarnings("unchecked")
            Function<DSLContext, List<Long>> query = (Function<DSLContext, List<Long>>) loader.loadClass("com.example.app.NearestNews").getConstructor().newInstance();
            DSLContext ctx = DSL.using(connection, org.jooq.SQLDialect.SQLITE);
            assertEquals(List.of(1L, 3L), query.apply(ctx));
            // The generated bindings read what sqlite-vec stored.
            var row = ctx.select(docs.fields()).from(docs).where(docs.field("id", Long.class).eq(1L)).fetchOne();
            assertTrue(java.util.Arrays.equals(new byte[] {1, 2, 3, 4}, (byte[]) row.get("embedding_i8")));
            assertTrue(java.util.Arrays.equals(new float[] {1f, 0f, 0f, 0f}, (float[]) row.get("embedding")));
        }
    }

    @Test
    void theConfigurationInTheDocsIsTheOneThisTestRuns() throws IOException {
        String docs = Files.readString(Paths.get("..", "docs", "jooq.md"), StandardCharsets.UTF_8);
        String forcedTypes = tested().substring(tested().indexOf("<excludeSql>"), tested().indexOf("</forcedTypes>"));

        assertTrue(docs.contains(forcedTypes), "docs/jooq.md must contain the excludeSql and forcedTypes of src/test/resources/codegen/sqlitevec-codegen.xml verbatim");
    }

    private static String tested() throws IOException {
        try (InputStream in = CodegenTest.class.getResourceAsStream("/codegen/sqlitevec-codegen.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Configuration configuration(Path database, Path target) throws IOException {
        String xml = tested().replace("DATABASE_FILE", database.toString()).replace("TARGET_DIRECTORY", target.toString());
        return GenerationTool.load(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
    }

    /** Compiles with javac against the jars this JVM runs (jOOQ 3.19 or 3.21, whichever the run uses). */
    private static void compile(List<Path> sources, Path classes) throws IOException, URISyntaxException {
        Files.createDirectories(classes);
        List<String> classpath = new ArrayList<>();
        for (Class<?> c : List.of(DSL.class, SqliteVecDSL.class, io.github.sqlitevec.jdbc.VectorCodec.class,
                org.reactivestreams.Publisher.class, io.r2dbc.spi.ConnectionFactory.class)) {
            classpath.add(Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", String.join(java.io.File.pathSeparator, classpath), "-proc:none", "-nowarn"));
        sources.forEach(s -> args.add(s.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.ByteArrayOutputStream();
        int exit = javac.run(null, null, errors, args.toArray(new String[0]));
        assertEquals(0, exit, "javac failed:\n" + errors.toString(StandardCharsets.UTF_8));
    }
}

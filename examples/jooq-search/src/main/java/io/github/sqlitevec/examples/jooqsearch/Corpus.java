package io.github.sqlitevec.examples.jooqsearch;

import java.util.List;

/** A small fixed set of article titles in four categories, enough to see filters at work. */
final class Corpus {

    private Corpus() {
    }

    static final List<Article> ARTICLES = List.of(
            new Article(1, "How the SQLite query planner chooses an index", "databases", 2019),
            new Article(2, "Write-ahead logging in SQLite explained", "databases", 2020),
            new Article(3, "Vector search inside SQLite with vec0 tables", "databases", 2024),
            new Article(4, "Choosing a primary key for a PostgreSQL table", "databases", 2018),
            new Article(5, "Index-only scans and covering indexes in PostgreSQL", "databases", 2021),
            new Article(6, "Connection pools: sizing HikariCP for a web application", "databases", 2022),
            new Article(7, "Approximate nearest neighbour search with HNSW indexes", "databases", 2023),
            new Article(8, "Backing up a SQLite database while it is in use", "databases", 2025),
            new Article(9, "Binary quantization makes vector search smaller and faster", "databases", 2025),
            new Article(10, "Type-safe SQL queries in Java with jOOQ", "databases", 2020),
            new Article(11, "A weeknight tomato pasta in twenty minutes", "cooking", 2019),
            new Article(12, "Sourdough bread: feeding and keeping a starter", "cooking", 2020),
            new Article(13, "Roasting vegetables at high heat for crisp edges", "cooking", 2021),
            new Article(14, "The science of searing steak in a cast iron pan", "cooking", 2022),
            new Article(15, "Fresh pasta dough by hand, no machine needed", "cooking", 2023),
            new Article(16, "Peanut-free snacks for school lunch boxes", "cooking", 2024),
            new Article(17, "Slow-cooked beans with garlic and rosemary", "cooking", 2018),
            new Article(18, "Indexing your spice cabinet: a kitchen organisation guide", "cooking", 2025),
            new Article(19, "Baking bread in a dutch oven for a crisp crust", "cooking", 2021),
            new Article(20, "Pasta sauce from roasted tomatoes and garlic", "cooking", 2022),
            new Article(21, "Photographing the Milky Way from a dark sky site", "astronomy", 2019),
            new Article(22, "Choosing a first telescope: refractor or reflector", "astronomy", 2020),
            new Article(23, "How astronomers search for exoplanets with transits", "astronomy", 2021),
            new Article(24, "The James Webb telescope's first deep field", "astronomy", 2022),
            new Article(25, "Observing Jupiter's moons with binoculars", "astronomy", 2023),
            new Article(26, "A beginner's guide to the spring night sky", "astronomy", 2024),
            new Article(27, "Nearest neighbour stars: the closest systems to the Sun", "astronomy", 2025),
            new Article(28, "Searching a star catalogue by position and brightness", "astronomy", 2018),
            new Article(29, "Why the Moon always shows the same face", "astronomy", 2021),
            new Article(30, "Cataloguing galaxies with machine learning", "astronomy", 2024),
            new Article(31, "Fixing a flat tyre on a road bike", "cycling", 2019),
            new Article(32, "Climbing long mountain passes: pacing and gearing", "cycling", 2020),
            new Article(33, "Cleaning and lubricating a bike chain", "cycling", 2021),
            new Article(34, "Commuting by bike through winter", "cycling", 2022),
            new Article(35, "Choosing tyre pressure for gravel roads", "cycling", 2023),
            new Article(36, "Packing a bike for a week of touring", "cycling", 2024),
            new Article(37, "Training plans for a first century ride", "cycling", 2025),
            new Article(38, "Searching for the best cycling route with map apps", "cycling", 2018),
            new Article(39, "Bike fit: saddle height and reach explained", "cycling", 2022),
            new Article(40, "Carrying snacks and water on a long ride", "cycling", 2023));
}

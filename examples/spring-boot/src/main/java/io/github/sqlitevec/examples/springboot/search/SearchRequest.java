package io.github.sqlitevec.examples.springboot.search;

/**
 * The JSON body of {@code POST /search}: {@code {"question": "...", "top": 5}}; {@code top} may be
 * left out. Checked here rather than by Bean Validation so each message can say what to send instead.
 */
record SearchRequest(String question, Integer top) {
    static final int DEFAULT_TOP = 5;
    static final int MAX_TOP = 50;

    /** The question without surrounding blanks. */
    String checkedQuestion() {
        if (question == null || question.isBlank()) {
            throw new BadSearchRequestException("\"question\" must be a non-blank string, e.g. "
                    + "{\"question\": \"how long can dough rest in the fridge?\"}; got "
                    + (question == null ? "none" : "\"" + question + "\""));
        }
        return question.strip();
    }

    /** How many passages to return: {@value #DEFAULT_TOP} unless the request says otherwise. */
    int checkedTop() {
        int n = top == null ? DEFAULT_TOP : top;
        if (n < 1 || n > MAX_TOP) {
            throw new BadSearchRequestException("\"top\" must be between 1 and " + MAX_TOP + ", got " + n);
        }
        return n;
    }
}

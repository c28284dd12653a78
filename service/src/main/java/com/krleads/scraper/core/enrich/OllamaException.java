package com.krleads.scraper.core.enrich;

/** Ollama could not be reached, was too slow, or answered something that is not the expected JSON. */
public class OllamaException extends Exception {
    public OllamaException(String message) {
        super(message);
    }

    public OllamaException(String message, Throwable cause) {
        super(message, cause);
    }
}

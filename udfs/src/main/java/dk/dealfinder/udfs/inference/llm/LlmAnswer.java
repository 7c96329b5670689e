package dk.dealfinder.udfs.inference.llm;

import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.classify.ListingAttributes;

/** One listing's validated verdict from an LLM answer. */
record LlmAnswer(Verdict verdict, double confidence, ListingAttributes attributes, String reason) {}

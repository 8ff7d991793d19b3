/**
 * Call-centre entities found in what callers say: numbers, amounts, dates, yes/no and choices, from
 * digits and from words as a recogniser writes them. Rule-based, because these are exact.
 */
package org.parley.nlp.entity;

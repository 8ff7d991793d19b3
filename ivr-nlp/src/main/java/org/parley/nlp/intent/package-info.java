/**
 * Intent classification: training data that deployers own, an OpenNLP document-categoriser trainer
 * and a thread-safe classifier. Plain Java; uses OpenNLP only.
 */
package org.parley.nlp.intent;

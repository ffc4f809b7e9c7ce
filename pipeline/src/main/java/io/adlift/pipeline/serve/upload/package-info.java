/**
 * Custom data uploads: a pipeline's CSV files sent from the dashboard, stored in Adlift's own upload folder
 * under names Adlift chooses, checked against the sources' schemas, and run like {@code adlift run}, whose
 * progress and rejects the page then shows. Off unless enabled, and then only with the configured token.
 */
package io.adlift.pipeline.serve.upload;

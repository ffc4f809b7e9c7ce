/**
 * Feature strategies: how a typed row becomes the model's numeric features. An encoding is fitted on
 * the training rows only (categories seen in training) and then applied unchanged to test rows and
 * to serving requests, so no information leaks from test data into training.
 */
package io.adlift.steps.features;

/** Health of what Adlift depends on, for Actuator in the long-running modes. */
package io.adlift.pipeline.health;

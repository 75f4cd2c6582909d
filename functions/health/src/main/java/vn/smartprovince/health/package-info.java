/** Health: is this deployment able to serve? This package holds only {@link vn.smartprovince.health.Wiring}. */
package vn.smartprovince.health;

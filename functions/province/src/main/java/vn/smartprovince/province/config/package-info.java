/** GET /v1/province/config: the configuration in force for province administrators, with its version as ETag. */
package vn.smartprovince.province.config;

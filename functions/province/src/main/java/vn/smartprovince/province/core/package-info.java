/** The province domain: the configuration in force as an administrator reads it, and the port it comes from. */
package vn.smartprovince.province.core;

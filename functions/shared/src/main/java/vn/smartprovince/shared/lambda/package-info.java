/** What functions behind Lambda event sources (SQS, DynamoDB streams) share: the partial-batch answer. */
package vn.smartprovince.shared.lambda;

"""The only package that knows DynamoDB: pynamodb items, and repositories mapping them to domain objects."""

"""The labeled set of resumes: truth files and the generator that renders them."""

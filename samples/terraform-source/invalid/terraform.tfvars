image_uri = "your-ecr-image-uri"

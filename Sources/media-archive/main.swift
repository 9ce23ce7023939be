print("media-archive")

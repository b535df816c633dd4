-- An import stopped before its next batch because the one who started it may no longer import (issue 19 review)
ALTER TYPE "ImportJobStatus" ADD VALUE 'STOPPED';

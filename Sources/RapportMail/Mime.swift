import RapportCore
import MimeShim

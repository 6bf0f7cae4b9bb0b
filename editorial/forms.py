from django import forms

from casestudies.interchange import MAX_FILE_BYTES, DocumentError, check_file_size, read_uploaded_document


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Case-study file (JSON)",
        help_text=f"A case-study file in the interchange format (see “How to write a case-study file” below), "
        f"at most {MAX_FILE_BYTES // (1024 * 1024)} MB. "
        "Nothing is imported until you have seen what it would change and confirmed.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".json"):
            raise forms.ValidationError("Upload a .json file in the case-study interchange format.")
        try:
            check_file_size(upload.size)  # before a single byte is parsed
            self.records = read_uploaded_document(upload)
        except DocumentError as exc:
            raise forms.ValidationError(str(exc)) from None
        if not self.records:
            raise forms.ValidationError("The file holds no case studies: its case_studies list is empty.")
        return upload

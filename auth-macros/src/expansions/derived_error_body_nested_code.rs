#[automatically_derived]
impl ::auth_core::VendorError for ErrorBody {
    fn code(&self) -> ::core::option::Option<::auth_core::VendorCode> {
        #[allow(unused_imports)]
        use ::auth_core::__private::Present as _;
        let __v = self;
        let __v = &(*__v).response;
        let __v = match ::auth_core::__private::Step(__v).enter() {
            ::core::option::Option::Some(__s) => __s,
            ::core::option::Option::None => return ::core::option::Option::None,
        };
        let __p = {
            #[allow(unused_imports)]
            use ::auth_core::fields::{ListProbe as _, RecordProbe as _};
            let __p = (&::auth_core::fields::Probe(__v)).walk();
            ::auth_core::fields::FieldStep::__check(__p);
            __p
        };
        let __v = match ::auth_core::fields::HasFields::element(__p) {
            ::core::option::Option::Some(__s) => __s,
            ::core::option::Option::None => return ::core::option::Option::None,
        };
        let __v = &(*__v).error_code;
        let __v = match ::auth_core::__private::Step(__v).enter() {
            ::core::option::Option::Some(__s) => __s,
            ::core::option::Option::None => return ::core::option::Option::None,
        };
        ::auth_core::fields::CodeField::vendor_code(__v)
    }
    fn message(&self) -> ::core::option::Option<&str> {
        #[allow(unused_imports)]
        use ::auth_core::__private::Present as _;
        let __v = &self.message;
        ::auth_core::fields::MessageField::message(__v)
    }
    fn field_errors(&self) -> ::std::vec::Vec<::auth_core::FieldError> {
        #[allow(unused_imports)]
        use ::auth_core::__private::Present as _;
        let __container = (|| {
            let __v = self;
            let __v = &__v.syntax_errors;
            let __v = match ::auth_core::__private::Step(__v).enter() {
                ::core::option::Option::Some(__s) => __s,
                ::core::option::Option::None => return ::core::option::Option::None,
            };
            let __p = {
                #[allow(unused_imports)]
                use ::auth_core::fields::{ListProbe as _, RecordProbe as _};
                let __p = (&::auth_core::fields::Probe(__v)).walk();
                ::auth_core::fields::FieldStep::__check(__p);
                __p
            };
            let __v = match ::auth_core::fields::HasFields::element(__p) {
                ::core::option::Option::Some(__s) => __s,
                ::core::option::Option::None => return ::core::option::Option::None,
            };
            let __v = &__v.invalid_fields;
            let __v = match ::auth_core::__private::Step(__v).enter() {
                ::core::option::Option::Some(__s) => __s,
                ::core::option::Option::None => return ::core::option::Option::None,
            };
            ::core::option::Option::Some(::auth_core::fields::EachField::entries(__v))
        })();
        let ::core::option::Option::Some(__container) = __container else {
            return ::std::vec::Vec::new();
        };
        __container
            .iter()
            .map(|__item| ::auth_core::__private::field_error(
                (|| {
                    let __v = __item;
                    let __v = &__v.field_name;
                    let __v = match ::auth_core::__private::Step(__v).enter() {
                        ::core::option::Option::Some(__s) => __s,
                        ::core::option::Option::None => {
                            return ::core::option::Option::None;
                        }
                    };
                    ::auth_core::fields::MessageField::message(__v)
                })(),
                (|| {
                    let __v = __item;
                    let __v = &__v.error;
                    let __v = match ::auth_core::__private::Step(__v).enter() {
                        ::core::option::Option::Some(__s) => __s,
                        ::core::option::Option::None => {
                            return ::core::option::Option::None;
                        }
                    };
                    ::auth_core::fields::CodeField::vendor_code(__v)
                })(),
                ::std::vec::Vec::new(),
            ))
            .collect()
    }
    fn kind(&self) -> ::core::option::Option<::auth_core::ErrorKind> {
        const __RULES: &[::auth_core::__private::KindRule] = &[
            ::auth_core::__private::KindRule::Code(
                "TOKEN_EXPIRED",
                ::auth_core::ErrorKind::Expired,
            ),
        ];
        ::auth_core::__private::kind_for(
            __RULES,
            ::core::option::Option::as_ref(&::auth_core::VendorError::code(self)),
            ::auth_core::VendorError::message(self),
        )
    }
    #[allow(unused_mut)]
    #[inline]
    fn __fields(mut self) -> ::auth_core::__private::ErrorBodyFields {
        let __code = {
            #[allow(unused_imports)]
            use ::auth_core::__private::PresentMut as _;
            (|| {
                let __v = &mut self;
                let __v = &mut (*__v).response;
                let __v = match ::auth_core::__private::StepMut(__v).enter() {
                    ::core::option::Option::Some(__s) => __s,
                    ::core::option::Option::None => return ::core::option::Option::None,
                };
                let __t = {
                    #[allow(unused_imports)]
                    use ::auth_core::fields::{ListProbe as _, RecordProbe as _};
                    let __p = (&::auth_core::fields::Probe(&*__v)).walk();
                    ::auth_core::fields::FieldStep::__check(__p);
                    ::auth_core::__private::element_type(
                        ::auth_core::fields::HasFields::element(__p),
                    )
                };
                let __v = match ::auth_core::__private::element_mut(__t, __v) {
                    ::core::option::Option::Some(__s) => __s,
                    ::core::option::Option::None => return ::core::option::Option::None,
                };
                let __v = &mut (*__v).error_code;
                let __v = match ::auth_core::__private::StepMut(__v).enter() {
                    ::core::option::Option::Some(__s) => __s,
                    ::core::option::Option::None => return ::core::option::Option::None,
                };
                ::auth_core::fields::CodeField::__take(__v)
            })()
        };
        let __kind = {
            const __RULES: &[::auth_core::__private::KindRule] = &[
                ::auth_core::__private::KindRule::Code(
                    "TOKEN_EXPIRED",
                    ::auth_core::ErrorKind::Expired,
                ),
            ];
            ::auth_core::__private::kind_for(
                __RULES,
                ::core::option::Option::as_ref(&__code),
                ::auth_core::VendorError::message(&self),
            )
        };
        let __field_errors = ::auth_core::VendorError::field_errors(&self);
        let __message = ::auth_core::fields::MessageField::__take(&mut self.message);
        ::auth_core::__private::ErrorBodyFields::__new(
            __kind,
            __code,
            __message,
            __field_errors,
        )
    }
}
const _: () = {
    #[allow(dead_code, unused_imports)]
    fn __check_code(__body: &ErrorBody) -> ::core::option::Option<()> {
        use ::auth_core::__private::Present as _;
        use ::auth_core::fields::{HoldsAnyNumber as _, HoldsCodeNumber as _};
        let __v = __body;
        let __v = &__v.response;
        let __v = match ::auth_core::__private::Step(__v).enter() {
            ::core::option::Option::Some(__s) => __s,
            ::core::option::Option::None => return ::core::option::Option::None,
        };
        let __p = {
            #[allow(unused_imports)]
            use ::auth_core::fields::{ListProbe as _, RecordProbe as _};
            let __p = (&::auth_core::fields::Probe(__v)).walk();
            ::auth_core::fields::FieldStep::__check(__p);
            __p
        };
        let __v = match ::auth_core::fields::HasFields::element(__p) {
            ::core::option::Option::Some(__s) => __s,
            ::core::option::Option::None => return ::core::option::Option::None,
        };
        let __v = &__v.error_code;
        let __v = match ::auth_core::__private::Step(__v).enter() {
            ::core::option::Option::Some(__s) => __s,
            ::core::option::Option::None => return ::core::option::Option::None,
        };
        ::auth_core::fields::TextCode::__is_text(__v);
        ::core::option::Option::Some(())
    }
};
